import { describedBy, Input } from "@/components/ui/field";

/**
 * A time-zone box that suggests the runtime's IANA zones as the person types ("War" → Europe/Warsaw).
 * The list comes from the server, so the browser offers exactly what the server accepts.
 */
export function TimeZoneInput({
  id,
  name,
  defaultValue,
  zones,
  errors,
  hint,
}: {
  id: string;
  name: string;
  defaultValue: string;
  zones: string[];
  errors?: string[];
  hint?: boolean;
}) {
  return (
    <>
      <Input
        id={id}
        name={name}
        list={`${id}-zones`}
        defaultValue={defaultValue}
        autoComplete="off"
        spellCheck={false}
        required
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
