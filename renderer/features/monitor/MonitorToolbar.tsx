import { Button, Checkbox, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../electron/contract/model';
import { ClearFinishedDialog } from './ClearFinishedDialog';
import { downloadText, exportFileName, toCsv, toNdjson } from './export-operations';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    flexGrow: 1,
  },
});

/** The monitor's heading and tools: keep the window open, refresh, export what is shown, clear finished.
 * Memoised on counts and stable callbacks: progress re-renders none of it. */
export const MonitorToolbar = memo(function MonitorToolbar(props: {
  monitorWindow: boolean;
  keepOpen: boolean;
  onKeepOpen: (value: boolean) => void;
  onRefresh: () => void;
  exportCount: number;
  exportDisabled: boolean;
  /** What the exports write: the operations shown when the button is pressed. */
  exportList: () => readonly Operation[];
  finished: number;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const hint = t('monitorTools.exportHint', { count: props.exportCount });
  return (
    <div className={styles.toolbar}>
      <h2 className={styles.heading}>{t('monitor.title')}</h2>
      {props.monitorWindow && (
        <Checkbox
          checked={props.keepOpen}
          onChange={(_, data) => props.onKeepOpen(data.checked === true)}
          label={t('monitor.keepOpen')}
        />
      )}
      <Button onClick={props.onRefresh}>{t('monitor.refresh')}</Button>
      <Tooltip content={hint} relationship="description">
        <Button
          data-testid="export-csv"
          disabled={props.exportDisabled}
          onClick={() =>
            downloadText(exportFileName('csv'), 'text/csv;charset=utf-8', toCsv(props.exportList()))
          }
        >
          {t('monitorTools.exportCsv')}
        </Button>
      </Tooltip>
      <Tooltip content={hint} relationship="description">
        <Button
          data-testid="export-ndjson"
          disabled={props.exportDisabled}
          onClick={() =>
            downloadText(
              exportFileName('ndjson'),
              'application/x-ndjson;charset=utf-8',
              toNdjson(props.exportList()),
            )
          }
        >
          {t('monitorTools.exportNdjson')}
        </Button>
      </Tooltip>
      <ClearFinishedDialog finished={props.finished} onConfirm={props.onClear} />
    </div>
  );
});
