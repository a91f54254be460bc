// Messages of form drafts kept on the device (src/app/shared/hooks/useDraft.ts).
export const draftMessages = {
  en: {
    restored: 'Draft restored',
    restoredHint: 'What you typed here before was kept on this device.',
    discard: 'Discard',
    discardLabel: 'Discard the draft and start again',
  },
  zhCN: {
    restored: '已恢复草稿',
    restoredHint: '您之前在此输入的内容已保存在本设备上。',
    discard: '丢弃',
    discardLabel: '丢弃草稿并重新开始',
  },
};
