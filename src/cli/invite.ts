/** `npm run invite`: prints the link that adds the bot to a server. Needs DISCORD_APPLICATION_ID. */
import 'dotenv/config';
import { inviteUrl } from '../delivery/discord/invite-url.ts';

const id = process.env.DISCORD_APPLICATION_ID ?? '';
if (!/^\d{17,20}$/.test(id)) {
  console.error('invite: DISCORD_APPLICATION_ID is missing or not a Discord id (Developer Portal → General Information → Application ID)');
  process.exitCode = 1;
} else console.log(inviteUrl(id));
