import { parseArgs } from 'node:util';
import type { Db } from '../db/connect';
import {
  addAgency, addUser, AdminError, generatePassword, listAgencies, listUsers, parseRoles, readAuditTrail, setDisabled, setPassword,
  staffRoles, updateUser, type AdminActor,
} from './accounts';

export const adminUsage = `usage: pnpm -s admin <command>

  agency add <agency-id> --name "<name>"
  agency list
  user add <agency-id> <username> --role <role>[,<role>...] --name "<full name>" [--unit <unit>] [--password-stdin]
  user list <agency-id>
  user update <agency-id> <username> [--role <role>[,...]] [--unit <unit>]   (--unit "" removes the unit)
  user password <agency-id> <username> [--password-stdin]   new password; signs the user out on every device
  user disable <agency-id> <username>                       no sign-in or renewal; signs out on every device
  user enable <agency-id> <username>
  audit <agency-id> [--document <id>] [--user <user-id>] [--since <date>] [--limit <n>]
                                                            who saw or changed what, newest first (default 100)

Without --password-stdin a random password is printed once, for you to hand over.
Roles: ${staffRoles.join(', ')}.
The database is the server's: DATABASE_URL, or the embedded one in DATA_DIR (stop the server first then).`;

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input (for --password-stdin). */
  readStdin(): Promise<string>;
}

export interface AdminDeps {
  db: Db;
  actor: AdminActor;
  io: AdminIo;
  /** The time a sign-out-everywhere takes effect from (default: now). */
  now?: () => Date;
}

/** A usage mistake: the CLI prints the usage and exits 2. */
class UsageError extends Error {}

function positional(values: string[], count: number, what: string): string[] {
  if (values.length !== count) throw new UsageError(`expected ${what}`);
  return values;
}

async function passwordFrom(io: AdminIo, fromStdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true };
  const text = (await io.readStdin()).replace(/\r?\n$/, '');
  return { password: text, generated: false };
}

/** Runs one admin command; returns the exit code (0 done, 1 refused with a reason, 2 usage). */
export async function runAdmin(argv: readonly string[], deps: AdminDeps): Promise<number> {
  const { db, actor, io } = deps;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        unit: { type: 'string' },
        document: { type: 'string' },
        user: { type: 'string' },
        since: { type: 'string' },
        limit: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${adminUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(adminUsage);
    return values.help ? 0 : 2;
  }
  const [noun, verb, ...rest] = positionals;
  try {
    switch (`${noun} ${verb}`) {
      case 'agency add': {
        const [agencyId = ''] = positional(rest, 1, 'agency add <agency-id> --name "<name>"');
        if (values.name === undefined) throw new UsageError('agency add needs --name');
        await addAgency(db, actor, agencyId, values.name);
        io.out(`agency ${agencyId} added`);
        return 0;
      }
      case 'agency list': {
        positional(rest, 0, 'agency list');
        for (const a of await listAgencies(db)) io.out(`${a.id}\t${a.name}\t${a.users} user(s)`);
        return 0;
      }
      case 'user add': {
        const [agencyId = '', username = ''] = positional(rest, 2, 'user add <agency-id> <username>');
        if (values.role === undefined || values.name === undefined) throw new UsageError('user add needs --role and --name');
        const { password, generated } = await passwordFrom(io, values['password-stdin']);
        const { id } = await addUser(db, actor, {
          agencyId, username, displayName: values.name, roles: parseRoles(values.role), unitId: values.unit, password,
        });
        io.out(`user ${username} added to ${agencyId} (id ${id})`);
        if (generated) io.out(`password (shown once; hand it to the user): ${password}`);
        return 0;
      }
      case 'user list': {
        const [agencyId = ''] = positional(rest, 1, 'user list <agency-id>');
        for (const u of await listUsers(db, agencyId)) {
          io.out([u.username, u.displayName, u.roles.join(','), u.unitId ?? '-', u.disabled ? 'disabled' : 'active'].join('\t'));
        }
        return 0;
      }
      case 'user update': {
        const [agencyId = '', username = ''] = positional(rest, 2, 'user update <agency-id> <username>');
        await updateUser(db, actor, agencyId, username, {
          ...(values.role !== undefined ? { roles: parseRoles(values.role) } : {}),
          ...(values.unit !== undefined ? { unitId: values.unit } : {}),
        });
        io.out(`user ${username} of ${agencyId} updated (in effect at their next sign-in or session renewal, within 15 minutes)`);
        return 0;
      }
      case 'user password': {
        const [agencyId = '', username = ''] = positional(rest, 2, 'user password <agency-id> <username>');
        const { password, generated } = await passwordFrom(io, values['password-stdin']);
        const { signedOut } = await setPassword(db, actor, agencyId, username, password, deps.now?.());
        io.out(`password of ${username} (${agencyId}) changed; ${signedOut} session(s) signed out`);
        if (generated) io.out(`password (shown once; hand it to the user): ${password}`);
        return 0;
      }
      case 'user disable':
      case 'user enable': {
        const disable = verb === 'disable';
        const [agencyId = '', username = ''] = positional(rest, 2, `user ${verb} <agency-id> <username>`);
        const { signedOut } = await setDisabled(db, actor, agencyId, username, disable, deps.now?.());
        io.out(disable
          ? `user ${username} of ${agencyId} disabled; ${signedOut} session(s) signed out`
          : `user ${username} of ${agencyId} enabled`);
        return 0;
      }
      default:
        if (noun === 'audit' && verb !== undefined && rest.length === 0) {
          const limit = values.limit === undefined ? 100 : Number(values.limit);
          const rows = await readAuditTrail(db, { agencyId: verb, documentId: values.document, actorId: values.user, since: values.since, limit });
          for (const r of rows) {
            const ids = r.documentIds.length > 3 ? `${r.documentIds.slice(0, 3).join(',')} (+${r.documentIds.length - 3})` : r.documentIds.join(',');
            io.out([r.at.toISOString(), r.actorId, r.action, r.collection ?? '-', ids || '-'].join('\t'));
          }
          return 0;
        }
        throw new UsageError(`unknown command "${positionals.join(' ')}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${adminUsage}`);
      return 2;
    }
    if (err instanceof AdminError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}
