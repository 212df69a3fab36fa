export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`status status-${status}`} data-testid="status">
      {status}
    </span>
  );
}

/** `2026-12-04 10:01:02 UTC`: one fixed form, the same for every operator whatever their locale. */
export const utc = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '—');
