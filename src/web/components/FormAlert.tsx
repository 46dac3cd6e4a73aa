/** A message that is announced as soon as it appears; empty renders nothing. */
export function FormAlert({ message, id }: { message: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p className="alert" role="alert" id={id}>
      {message}
    </p>
  );
}
