import type { MessageCatalog } from './en';

export const zhCN: MessageCatalog = {
  app: {
    name: 'Rapport',
    tagline: '你的客户，留在你自己的设备上。',
    skipToContent: '跳到正文',
  },
  nav: {
    label: '主导航',
    home: '首页',
    settings: '设置',
  },
  home: {
    title: '欢迎使用 Rapport',
    lead: '一个存放在你自己设备上的 CRM。无需联网即可使用，客户数据保持私密。',
    emptyWorkspace: '这个工作区还是空的。',
    pointOffline: '加载一次之后即可完全离线使用。',
    pointPrivate: '数据留在本设备上，不归任何服务器所有。',
    pointInstall: '可以作为应用安装到手机或电脑上。',
  },
  settings: {
    title: '设置',
    language: '语言',
    languageHint: '本设备上 Rapport 使用的语言。',
    appearance: '外观',
    appearanceHint: '浅色和深色跟随系统设置。',
    storage: '本设备存储',
    storageUsage: '已用 {{used}}，共可用 {{available}}',
    storageUnknown: '此浏览器不提供存储用量信息。',
    persisted: '已保护：浏览器不会为腾出空间而清除这些数据。',
    notPersisted: '未保护：存储空间不足时，浏览器可能清除这些数据。',
    persist: '保护我的数据',
    persistRefused: '浏览器拒绝了请求；将 Rapport 安装为应用通常即可获准。',
    app: '应用',
    version: '版本 {{version}}',
    checkForUpdates: '检查更新',
    upToDate: '已是最新版本。',
    offlineNotAvailable: '此浏览器不支持离线使用。',
  },
  pwa: {
    updateAvailable: 'Rapport 有新版本可用。',
    reload: '重新加载',
    later: '稍后',
    install: '安装应用',
    offlineReady: 'Rapport 已可离线使用。',
    dismiss: '关闭',
  },
  notFound: {
    title: '找不到页面',
    back: '返回首页',
  },
};
