// Customer care — insight: English texts (the reference shape; see ../catalog.ts).
export const insightEn = {
  title: 'Customer care',
} as const;
