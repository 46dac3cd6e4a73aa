import { type FormEvent, useState } from "react";
import { useFormSubmit } from "./use-form-submit";

const fields = ["password"] as const;

/**
 * A form that does one thing after the person types their password again (signing other
 * devices out, everyone out): the password field's state, the send, and the line that says
 * what happened. `action` answers that line; the password is cleared once it worked.
 */
export function usePasswordAction(action: (password: string) => Promise<string>) {
  const [password, setPassword] = useState("");
  const [done, setDone] = useState("");
  const form = useFormSubmit(fields);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.send(async () => {
      const message = await action(password);
      setPassword("");
      setDone(message);
    });
  }

  return { password, setPassword, done, form, submit };
}
