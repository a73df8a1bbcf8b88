import { makeStyles, tokens } from '@fluentui/react-components';

export const useStepStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  option: { display: 'flex', flexDirection: 'column', whiteSpace: 'normal' },
  optionTitle: { fontWeight: tokens.fontWeightSemibold },
  optionHint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  reason: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
  groupHeading: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  info: { whiteSpace: 'normal' },
  strong: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});
