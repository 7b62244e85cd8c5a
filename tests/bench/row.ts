/** One benchmark result: ours against a peer tool (or a target) on the same data. */
export interface BenchRow {
  name: string;
  ours: number;
  peer: number;
  unit: string;
  /** ours / peer; for throughput higher is better, for time and memory lower is better. */
  ratio: number;
  note?: string;
}
