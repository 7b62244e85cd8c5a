import type { ThemeConfig } from 'antd';

/** A calm, light government-office look: deep blue accents, clear CJK typography. */
export const BRAND_BLUE = '#1f4e8c';
export const HEADER_BG = '#173d6e';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Hiragino Sans GB", system-ui, sans-serif',
    colorBgLayout: '#f2f4f7',
  },
  components: {
    Layout: { headerBg: HEADER_BG, headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff', bodyBg: '#f2f4f7' },
    Menu: { itemHeight: 44, itemSelectedBg: '#e8eef7', itemSelectedColor: BRAND_BLUE, iconSize: 16 },
    Table: { headerBg: '#f5f7fa' },
    Card: { headerFontSize: 15 },
  },
};
