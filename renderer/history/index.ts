export { HistoryButton } from './HistoryButton';
export { HistoryPanel } from './HistoryPanel';
export { useHistoryPanel } from './useHistoryPanel';
