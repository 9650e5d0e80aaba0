import { type Static, Type } from 'typebox';

/** Asks to change the login email; the change waits for the link mailed to the new address. */
export const EmailChangeRequest = Type.Object(
  {
    new_email: Type.String({ format: 'email', maxLength: 254 }),
    current_password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { $id: 'EmailChangeRequest', additionalProperties: false },
);
export type EmailChangeRequest = Static<typeof EmailChangeRequest>;

/** The token from the confirmation link. */
export const EmailChangeConfirmation = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 256 }) },
  { $id: 'EmailChangeConfirmation', additionalProperties: false },
);
export type EmailChangeConfirmation = Static<typeof EmailChangeConfirmation>;
