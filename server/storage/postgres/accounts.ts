// Users and sessions in PostgreSQL.
import { v7 as uuidv7 } from 'uuid';
import { isUniqueViolation } from '../dialect';
import { parseUser, toIso, toIsoOrNull } from '../rows';
import { UserExistsError, type AccountStore, type SessionRecord, type UserRecord } from '../types';
import type { PostgresConnection, Row } from './connection';

export class PostgresAccounts implements AccountStore {
  constructor(private readonly conn: PostgresConnection) {}

  async createUser(user: Omit<UserRecord, 'id' | 'createdAt'>): Promise<UserRecord> {
    const record: UserRecord = { ...user, id: uuidv7(), createdAt: new Date().toISOString() };
    try {
      await this.conn.pool.query(
        'INSERT INTO users (id, username, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [record.id, record.username, record.role, record.passwordHash, record.createdAt],
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
}
