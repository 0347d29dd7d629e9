// Users and sessions in SQLite.
import { v7 as uuidv7 } from 'uuid';
import { isUniqueViolation } from '../dialect';
import { parseUser } from '../rows';
import { UserExistsError, type AccountStore, type LoginAttempts, type SessionRecord, type UserRecord } from '../types';
import type { Row, SqliteConnection } from './connection';

export class SqliteAccounts implements AccountStore {
  constructor(private readonly conn: SqliteConnection) {}

  async createUser(user: Omit<UserRecord, 'id' | 'createdAt'>): Promise<UserRecord> {
    const record: UserRecord = { ...user, id: uuidv7(), createdAt: new Date().toISOString() };
    try {
      this.conn
        .statement('INSERT INTO users (id, username, role, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(record.id, record.username, record.role, record.displayName, record.passwordHash, record.createdAt);
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserExistsError(user.username);
      throw error;
    }
    return record;
  }

  async findUser(username: string): Promise<UserRecord | null> {
    const row = this.conn.statement('SELECT * FROM users WHERE username = ?').get(username);
    return row ? parseUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.conn.statement('SELECT * FROM users ORDER BY username').all().map(parseUser);
  }

  async createSession(s: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    this.conn
      .statement('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(s.tokenHash, s.userId, new Date().toISOString(), s.expiresAt);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.conn
      .statement(
        `SELECT u.*, s.expires_at AS s_expires_at, s.revoked_at AS s_revoked_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
      )
      .get(tokenHash) as Row | undefined;
    if (!row) return null;
    return { user: parseUser(row), expiresAt: String(row.s_expires_at), revokedAt: (row.s_revoked_at as string | null) ?? null };
  }

  async revokeSession(tokenHash: string): Promise<void> {
    this.conn
      .statement('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), tokenHash);
  }

  async countLoginAttempt(username: string, ip: string, now: Date, windowMs: number): Promise<LoginAttempts> {
    const row = this.conn
      .statement(
        `INSERT INTO login_attempts (username, ip, window_start, attempts) VALUES (@username, @ip, @now, 1)
         ON CONFLICT (username, ip) DO UPDATE SET
           attempts = CASE WHEN login_attempts.window_start <= @expired THEN 1 ELSE login_attempts.attempts + 1 END,
           window_start = CASE WHEN login_attempts.window_start <= @expired THEN @now ELSE login_attempts.window_start END
         RETURNING attempts, window_start`,
      )
      .get({ username, ip, now: now.toISOString(), expired: new Date(now.getTime() - windowMs).toISOString() }) as Row;
    return { attempts: Number(row.attempts), windowStart: new Date(String(row.window_start)) };
  }

  async clearLoginAttempts(username: string, ip: string): Promise<void> {
    this.conn.statement('DELETE FROM login_attempts WHERE username = ? AND ip = ?').run(username, ip);
  }
}
