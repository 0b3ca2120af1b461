/**
 * custom_ids of the source preview: `v1|src|<add|edit|cancel>|<draft key>` on its buttons and `v1|srcform|<key>` on
 * the details form. The key names a draft held in memory; the article itself never rides in the custom_id.
 *
 * @example
 * sourceButtonId('add', '0a1b2c3d') // → 'v1|src|add|0a1b2c3d'
 */
export const SOURCE_BUTTON_PREFIX = 'v1|src|';
export const SOURCE_FORM_PREFIX = 'v1|srcform|';

export const sourceButtonId = (action: 'add' | 'edit' | 'cancel', key: string) => `${SOURCE_BUTTON_PREFIX}${action}|${key}`;
export const sourceFormId = (key: string) => `${SOURCE_FORM_PREFIX}${key}`;
export const isSourceAdminButton = (customId: string) => customId.startsWith(SOURCE_BUTTON_PREFIX);
export const isSourceAdminForm = (customId: string) => customId.startsWith(SOURCE_FORM_PREFIX);
