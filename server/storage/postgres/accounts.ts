// Users and sessions in PostgreSQL.
import { v7 as uuidv7 } from 'uuid';
import { isUniqueViolation } from '../dialect';
import { parseUser, toIso, toIsoOrNull } from '../rows';
import { UserExistsError, type AccountStore, type LoginAttempts, type SessionRecord, type UserRecord } from '../types';
import type { PostgresConnection, Row } from './connection';

export class PostgresAccounts implements AccountStore {
  constructor(private readonly conn: PostgresConnection) {}

  async createUser(user: Omit<UserRecord, 'id' | 'createdAt'>): Promise<UserRecord> {
    const record: UserRecord = { ...user, id: uuidv7(), createdAt: new Date().toISOString() };
    try {
      await this.conn.pool.query(
        'INSERT INTO users (id, username, role, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [record.id, record.username, record.role, record.displayName, record.passwordHash, record.createdAt],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserExistsError(user.username);
      throw error;
    }
    return record;
  }

  async findUser(username: string): Promise<UserRecord | null> {
    const { rows } = await this.conn.pool.query('SELECT * FROM users WHERE username = $1', [username]);
    return rows[0] ? parseUser(rows[0]) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    const { rows } = await this.conn.pool.query('SELECT * FROM users ORDER BY username');
    return rows.map(parseUser);
  }

  async createSession(s: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    await this.conn.pool.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, now(), $3)', [
      s.tokenHash,
      s.userId,
      s.expiresAt,
    ]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.conn.pool.query(
      `SELECT u.*, s.expires_at AS s_expires_at, s.revoked_at AS s_revoked_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0] as Row | undefined;
    if (!row) return null;
    return { user: parseUser(row), expiresAt: toIso(row.s_expires_at as Date), revokedAt: toIsoOrNull(row.s_revoked_at as Date | null) };
  }

  async revokeSession(tokenHash: string): Promise<void> {
    await this.conn.pool.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
  }

  async countLoginAttempt(username: string, ip: string, now: Date, windowMs: number): Promise<LoginAttempts> {
    // One statement: the row lock of ON CONFLICT DO UPDATE serializes concurrent attempts.
    const { rows } = await this.conn.pool.query(
      `INSERT INTO login_attempts (username, ip, window_start, attempts) VALUES ($1, $2, $3, 1)
       ON CONFLICT (username, ip) DO UPDATE SET
         attempts = CASE WHEN login_attempts.window_start <= $4 THEN 1 ELSE login_attempts.attempts + 1 END,
         window_start = CASE WHEN login_attempts.window_start <= $4 THEN $3 ELSE login_attempts.window_start END
       RETURNING attempts, window_start`,
      [username, ip, now, new Date(now.getTime() - windowMs)],
    );
    const row = rows[0] as Row;
    return { attempts: Number(row.attempts), windowStart: new Date(row.window_start as Date) };
  }

  async clearLoginAttempts(username: string, ip: string): Promise<void> {
    await this.conn.pool.query('DELETE FROM login_attempts WHERE username = $1 AND ip = $2', [username, ip]);
  }
}
