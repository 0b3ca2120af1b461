/**
 * Gates a command, button or form declares: who may use it, checked on every use whatever Discord's command
 * permissions say (server admins can change those). Each refuses with a `Refusal` (a UserError) whose message is a
 * sentence in the bot's words; the dispatcher tells it to the member.
 *
 * @example
 * const manageServer = permissionGate(PermissionFlagsBits.ManageGuild, 'Only server managers can do that.');
 * await manageServer.check(call) // → null for a member with Manage Server, else a Refusal with the sentence
 */
import { type Call, type Gate, Refusal } from '../commands/declare.ts';

/** Members with `permission` (which also becomes the command's `default_member_permissions`). */
export function permissionGate(permission: bigint, refusal: string): Gate {
  return { permission, check: (call) => ((call.permissions & permission) === permission ? null : new Refusal(refusal)) };
}

/**
 * Members with `permission`, or with a role the server chose (the FAQ moderator role): `roleOf` looks it up.
 *
 * @example
 * permissionOrRoleGate(PermissionFlagsBits.ManageMessages, (guild, call) => call.services.faq?.moderatorRole(guild) ?? null, 'Only moderators can.')
 */
export function permissionOrRoleGate(
  permission: bigint,
  roleOf: (guildId: string, call: Call) => Promise<string | null> | string | null,
  refusal: string,
): Gate {
  return {
    permission,
    async check(call: Call) {
      if ((call.permissions & permission) === permission) return null;
      const role = call.guildId ? await roleOf(call.guildId, call) : null;
      return role !== null && call.roles.includes(role) ? null : new Refusal(refusal);
    },
  };
}

/** Only inside a server (not in a direct message). */
export function inServerGate(refusal: string): Gate {
  return { check: (call) => (call.guildId ? null : new Refusal(refusal)) };
}
