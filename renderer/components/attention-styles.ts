import { makeStyles, tokens } from '@fluentui/react-components';

/** A row that needs attention gets a bar in the attention colour along its start edge (besides its icon). */
export const useAttentionRowStyles = makeStyles({
  failed: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteRedBorderActive}` },
  offline: { boxShadow: `inset 4px 0 0 ${tokens.colorNeutralStrokeAccessible}` },
  degraded: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteDarkOrangeBorderActive}` },
  rebuilding: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteBlueBorderActive}` },
  hotSpareInUse: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteBerryBorderActive}` },
  withIcon: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
});
