import { X } from "lucide-react";

export interface Chip {
  key: string;
  label: string;
  /** The remove button's accessible name ("Remove: Anna Kowalska"). */
  removeLabel: string;
}

/** A named list of chosen things (people invited), each removable by a labelled button. */
export function RemovableChips({ label, chips, onRemove }: { label: string; chips: Chip[]; onRemove: (key: string) => void }) {
  if (!chips.length) return null;
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-1.5">
      {chips.map((chip) => (
        <li key={chip.key} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs text-slate-800 ring-1 ring-slate-200">
          {chip.label}
          <button
            type="button"
            onClick={() => onRemove(chip.key)}
            aria-label={chip.removeLabel}
            className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
          >
            <X aria-hidden className="h-3 w-3" />
          </button>
        </li>
      ))}
    </ul>
  );
}
