// Customer care — inbox: English texts (the reference shape; see ../catalog.ts).
export const inboxEn = {
  title: 'Customer care',
} as const;
