// Customer care — email: English texts (the reference shape; see ../catalog.ts).
export const emailEn = {
  title: 'Customer care',
} as const;
