import type { FieldControlProps } from './FormField';

interface ChoiceSelectProps<T extends string> extends Partial<FieldControlProps> {
  name?: string;
  value: T;
  options: readonly T[];
  /** Each option in the reader's words. */
  label: (option: T) => string;
  onChange: (value: T) => void;
  testId?: string;
}

/** A select over a fixed list of codes (a status, a priority, a kind), each shown in words. */
export function ChoiceSelect<T extends string>({ value, options, label, onChange, testId, ...control }: ChoiceSelectProps<T>) {
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value as T)} {...(testId ? { 'data-testid': testId } : {})}>
      {options.map((option) => (
        <option key={option} value={option}>
          {label(option)}
        </option>
      ))}
    </select>
  );
}
