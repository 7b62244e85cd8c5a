/** `setPage` of a store whose list the server pages: a new page size starts again at page 1; then the page is loaded. */
export function pageTurner(set: (page: { page: number; pageSize: number }) => void, get: () => { pageSize: number; load(): Promise<void> }) {
  return async (page: number, pageSize: number): Promise<void> => {
    set({ page: pageSize === get().pageSize ? page : 1, pageSize });
    await get().load();
  };
}
