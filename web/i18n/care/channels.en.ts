// Customer care — channels: English texts (the reference shape; see ../catalog.ts).
export const channelsEn = {
  title: 'Customer care',
} as const;
