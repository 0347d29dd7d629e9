// The action bar shows exactly the transitions the server would allow this user
// now, for every person × state of the newsroom (the table is core/workflow's
// own allowedActions, read through the desk's view of the story, which carries
// no live copy, only whether an update is pending), in Vietnamese and English;
// a story the user may not edit says why, in canEdit's words. The DOM is
// happy-dom's window only, so that the sample article is read from its file.
import '../helpers/dom-globals';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowView } from '../../core/api';
import { ACTION_LABELS, allowedActions, canEdit, contentOf, hasPendingUpdate, type WorkflowStory, type WorkflowUser } from '../../core/workflow';
import { ActionBar } from '../../renderer/workflow/ActionBar';
import en from '../../renderer/workflow/i18n/en';
import { all, click, find, get, render, unmountAll } from '../helpers/react-dom';
import { CASES, PERSONAS, storyIn, USERS, type Case } from '../helpers/workflow-stories';

afterEach(unmountAll);

/** The desk's view of a story, as the app service answers 'workflow.view'. */
function viewOf(story: WorkflowStory, user: WorkflowUser | null, extra: Partial<WorkflowView> = {}): WorkflowView {
  const { live: _live, ...fields } = story;
  return {
    storyId: story.id,
    workflow: {
      status: fields.status,
      assignee: fields.assignee,
      deadline: fields.deadline,
      holder: fields.holder,
      heldSince: fields.heldSince,
      publishAt: fields.publishAt,
      publishedAt: fields.publishedAt,
      spikedFrom: fields.spikedFrom,
      corrections: fields.corrections,
      pendingUpdate: hasPendingUpdate(story),
      statusSince: '2025-05-20T03:00:00.000Z',
    },
    pending: [],
    user,
    author: story.author,
    trashed: false,
    ...extra,
  };
}

async function bar(story: WorkflowStory, user: WorkflowUser | null, language: 'vi' | 'en' = 'vi', extra: Partial<WorkflowView> = {}) {
  const actions: string[] = [];
  const host = await render(
    createElement(ActionBar, {
      view: viewOf(story, user, extra),
      content: contentOf(story),
      updatedAt: '2025-05-20T03:00:00.000Z',
      busy: false,
      onAction: (action) => actions.push(action),
    }),
    language,
  );
  return { host, actions };
}

const TABLE = PERSONAS.flatMap((persona) => CASES.map((state) => [persona, state] as const));

describe('the action bar', () => {
  it.each(TABLE)('%s on a story in state %s: exactly the allowed actions, in order, and the read-only reason', async (persona, state: Case) => {
    const user = USERS[persona];
    const story = storyIn(state);
    const { host } = await bar(story, user);
    const expected = allowedActions(story, user);
    const buttons = all(host, 'workflow-actions').flatMap((group) => [...group.querySelectorAll('button')]);
    expect(buttons.map((button) => button.dataset.testid)).toEqual(expected.map((action) => `action-${action}`));
    expect(buttons.map((button) => button.textContent)).toEqual(expected.map((action) => ACTION_LABELS[action]));
    const permission = canEdit(story, user);
    const reason = find(host, 'read-only-reason');
    if (permission.allowed) expect(reason).toBeNull();
    else expect(reason?.textContent).toBe(`Chỉ xem: ${permission.reason}`);
  });

  it('speaks English too', async () => {
    const { host } = await bar(storyIn('editing'), USERS.minh, 'en');
    expect(all(host, 'workflow-actions').flatMap((g) => [...g.querySelectorAll('button')]).map((b) => b.textContent)).toEqual(
      allowedActions(storyIn('editing'), USERS.minh).map((action) => en.action[action]),
    );
    expect(get(host, 'workflow-status').textContent).toBe('Being edited');
    expect(get(host, 'workflow-holder').textContent).toBe('minh is editing · since 17:00 19/05/2025');
  });

  it('says who holds the story since when (Hanoi time), and what waits for the server', async () => {
    const { host } = await bar(storyIn('editing'), USERS.hoa, 'vi', { pending: ['take'] });
    expect(get(host, 'workflow-holder').textContent).toBe('minh đang biên tập · từ 17:00 19/05/2025');
    expect(get(host, 'workflow-pending').textContent).toBe('Chờ máy chủ xác nhận: Nhận bài');
  });

  it('hands the chosen action to the editor', async () => {
    const { host, actions } = await bar(storyIn('draft'), USERS.lan);
    await click(get(host, 'action-submit'));
    expect(actions).toEqual(['submit']);
  });

  it('shows no actions without a newsroom account, and says how to get them; the story stays editable', async () => {
    const { host } = await bar(storyIn('submitted'), null);
    expect(find(host, 'workflow-actions')).toBeNull();
    expect(get(host, 'workflow-no-account').textContent).toBe(
      'Đăng nhập máy chủ toà soạn (Cài đặt) để nộp bài và theo dõi quy trình biên tập.',
    );
    expect(find(host, 'read-only-reason')).toBeNull();
  });

  it('shows no actions for a story in the trash', async () => {
    const { host } = await bar(storyIn('draft'), USERS.lan, 'vi', { trashed: true });
    expect(find(host, 'workflow-actions')).toBeNull();
  });
});
