/** The Rapport mark: two speech bubbles that overlap, drawn as in public/favicon.svg. */
export function RapportMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" className="rapport-mark">
      <rect width="64" height="64" rx="14" fill="#1f4e79" />
      <path d="M14 18h26a6 6 0 0 1 6 6v12a6 6 0 0 1-6 6H26l-8 7v-7h-4a6 6 0 0 1-6-6V24a6 6 0 0 1 6-6z" fill="#ffffff" />
      <path
        d="M50 26a6 6 0 0 1 6 6v10a6 6 0 0 1-6 6h-1v6l-7-6h-9a6 6 0 0 1-5-3h12a9 9 0 0 0 9-9z"
        fill="#f2b134"
      />
    </svg>
  );
}
