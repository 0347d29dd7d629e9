import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveState } from '../../core/api';

export interface SaveStateInfo {
  state: SaveState;
  message?: string | undefined;
}

/** "Đã lưu / Đang lưu / Lỗi", with the error's own words when saving failed. */
export function SaveStateBadge(props: { info: SaveStateInfo; testId?: string }): ReactNode {
  const { t } = useTranslation();
  const { state, message } = props.info;
  const label = t(`saveState.${state}`);
  return (
    <span
      className={`save-state save-state-${state}`}
      data-testid={props.testId}
      data-state={state}
      title={state === 'error' && message !== undefined ? message : undefined}
    >
      <span className="save-state-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
