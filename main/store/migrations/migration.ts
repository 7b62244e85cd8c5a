export interface Migration {
  version: number;
  name: string;
  /** SQL run inside one transaction together with its schema_migrations row. */
  up: string;
}
