/**
 * `npm run deploy`: registers the slash commands and the "Find sources" menu with one bulk overwrite — to one
 * server when DISCORD_GUILD_ID is set (instant, for testing), globally otherwise.
 */
import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { COMMANDS } from '../../commands/index.ts';
import { ConfigError, readDiscordEnv } from '../config/env.ts';
import { commandPayloads } from '../interactions/catalog.ts';

try {
  const env = readDiscordEnv(process.env);
  const rest = new REST({ api: env.DISCORD_API_URL }).setToken(env.DISCORD_TOKEN);
  const body = commandPayloads(COMMANDS);
  const route = env.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(env.DISCORD_APPLICATION_ID, env.DISCORD_GUILD_ID)
    : Routes.applicationCommands(env.DISCORD_APPLICATION_ID);
  const saved = (await rest.put(route, { body })) as unknown[];
  console.log(
    `registered ${saved.length} commands ${env.DISCORD_GUILD_ID ? `in server ${env.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to show)'}`,
  );
} catch (error) {
  console.error(`deploy: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exitCode = 1;
}
