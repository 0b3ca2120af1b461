/**
 * The invite link: scopes `bot` and `applications.commands`, and no permissions at all — the bot answers through
 * interaction responses, which need none, and asks for no privileged intent.
 *
 * @example
 * inviteUrl('1234567890123456789') // → 'https://discord.com/oauth2/authorize?client_id=1234567890123456789&scope=bot+applications.commands&permissions=0'
 */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: '0' });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
