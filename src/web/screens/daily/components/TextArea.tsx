import { type TextareaHTMLAttributes, useId } from "react";

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  label: string;
  hint?: string;
}

/** A labelled multi-line field (the shell's TextField is single-line). */
export function TextArea({ label, hint, ...props }: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        {...props}
        id={id}
        rows={props.rows ?? 3}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </div>
  );
}
