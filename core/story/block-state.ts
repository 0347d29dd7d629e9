// The shape of a block's id, as Lexical's NodeState keeps it ("$" in a node's JSON).
// Apart from ./block-id so that the body schema can use it without a cycle.
import { z } from 'zod';

export const BLOCK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const blockId = z.string().regex(BLOCK_ID_PATTERN, { message: 'Mã khối chỉ gồm chữ, số, "_" và "-" (tối đa 64 ký tự)' });

/** Lexical's NodeState object of a block ("$" in its JSON). */
export const blockState = z.strictObject(
  { blockId: blockId.optional() },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Trạng thái khối có trường không được hỗ trợ: ${issue.keys.join(', ')}` : undefined,
  },
);
export type BlockState = z.infer<typeof blockState>;
