import { type Static, Type } from 'typebox';

/** Asks for a password reset link; the answer is the same whether or not the address signs in. */
export const PasswordResetRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    app: Type.Optional(
      Type.Union([Type.Literal('manage'), Type.Literal('connect')], {
        description:
          'Which app the mailed link opens. Default: the app of the account the person used last, or Manage.',
      }),
    ),
  },
  {
    $id: 'PasswordResetRequest',
    additionalProperties: false,
    examples: [{ email: 'attorney@demo-firm.test', app: 'manage' }],
  },
);
export type PasswordResetRequest = Static<typeof PasswordResetRequest>;

/** The token from the mailed link and the new password (8 to 128 characters, not a common one). */
export const PasswordResetConfirmation = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 256 }),
    password: Type.String({ minLength: 1, maxLength: 512 }),
  },
  { $id: 'PasswordResetConfirmation', additionalProperties: false },
);
export type PasswordResetConfirmation = Static<typeof PasswordResetConfirmation>;
