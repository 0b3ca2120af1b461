/**
 * A text field of a form (modal), in its row: what the FAQ's entry form and the article details form are made of.
 * A value longer than the field takes is cut to it, since Discord refuses a form whose value is over `max_length`.
 */
import { type APIActionRowComponent, type APITextInputComponent, ComponentType, TextInputStyle } from 'discord-api-types/v10';

export interface TextInputSpec {
  /** The field's custom_id: the key its text comes back under. */
  id: string;
  /** At most 45 characters (Discord's cap). */
  label: string;
  /** At most 100 characters (Discord's cap). */
  placeholder: string;
  style: 'short' | 'paragraph';
  max: number;
  required: boolean;
  /** What the field holds when the form opens; none or empty: nothing. */
  value?: string | null | undefined;
}

/**
 * @example
 * textInputRow({ id: 'question', label: 'Question', placeholder: 'As members ask it', style: 'short', max: 200, required: true })
 * // → { type: 1, components: [{ type: 4, custom_id: 'question', label: 'Question', style: 1, max_length: 200, required: true, … }] }
 */
export function textInputRow(spec: TextInputSpec): APIActionRowComponent<APITextInputComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.TextInput,
        custom_id: spec.id,
        label: spec.label,
        placeholder: spec.placeholder,
        style: spec.style === 'short' ? TextInputStyle.Short : TextInputStyle.Paragraph,
        max_length: spec.max,
        required: spec.required,
        ...(spec.value ? { value: spec.value.slice(0, spec.max) } : {}),
      },
    ],
  };
}
