// A form field's label and hint, for the control inside it: the control is named by the label text
// alone (aria-labelledby) and described by the hint and any error message (aria-describedby), so
// a message that appears does not change the field's name.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface FieldLabelIds {
  labelId: string;
  hintId?: string | undefined;
}

export const FieldLabelContext = createContext<FieldLabelIds | null>(null);

export function useFieldLabel(): FieldLabelIds | null {
  return useContext(FieldLabelContext);
}
