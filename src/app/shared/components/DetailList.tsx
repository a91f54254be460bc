/** Label and value pairs of a record; a pair without a value is left out. */
export function DetailList({ details, className }: { details: readonly (readonly [string, string | undefined])[]; className?: string }) {
  return (
    <dl {...(className ? { className } : {})}>
      {details
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
