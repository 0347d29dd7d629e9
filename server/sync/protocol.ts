export * from '../../core/sync/protocol';
