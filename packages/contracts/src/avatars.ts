import { type Static, Type } from 'typebox';

export const AVATAR_SIZES = [64, 128, 256] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];

export const AvatarParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type AvatarParams = Static<typeof AvatarParams>;

export const AvatarQuery = Type.Object(
  {
    size: Type.Optional(
      Type.Integer({
        enum: [...AVATAR_SIZES],
        default: 256,
        description: 'Edge of the square picture, in pixels (cover-cropped).',
      }),
    ),
    v: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'A version tag taken from `avatar_url`; it changes whenever the picture does.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AvatarQuery = Static<typeof AvatarQuery>;
