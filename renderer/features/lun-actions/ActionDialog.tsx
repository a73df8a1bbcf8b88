import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Lun } from '../../../electron/contract/model';
import type { OpenLunAction } from '../../store/lun-actions-slice';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../../components/ErrorDetails';
import { isFinal } from '../../store/operations-slice';
import { useApp } from '../../store/store-context';
import { focusLunsHeadingIfLunGone } from './focus-after-close';
import { OperationInPlace } from './OperationInPlace';

const useStyles = makeStyles({
  surface: { maxWidth: '44rem', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: { display: 'contents', border: 'none', margin: 0, padding: 0 },
});

/** What each LUN action's dialog is given: the LUN, the action as the store has it (its last state once closed)
 * and whether it is open. */
export interface LunDialogProps {
  lun: Lun;
  subsystemName: string;
  action: OpenLunAction;
  open: boolean;
}

/** The frame every LUN action shares: the form, what the host answered, the operation live in place, and
 * the buttons for each phase (send, close, try again). */
export function ActionDialog(props: {
  action: OpenLunAction;
  open: boolean;
  title: string;
  subsystemName: string;
  children: ReactNode;
  primaryLabel: string;
  /** Danger actions (shrink, delete) get the primary button's label in their own words. */
  onPrimary: () => void;
  /** The primary button stays disabled (still focusable, so its label is read) until this is false. */
  primaryBlocked?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { action } = props;
  const op = useApp((s) => (action.operationId ? s.operations[action.operationId] : undefined));
  const closeAction = useApp((s) => s.closeLunAction);
  const close = () => {
    closeAction();
    focusLunsHeadingIfLunGone(props.action.lunId);
  };
  const again = useApp((s) => s.editLunActionAgain);
  const editing = action.phase === 'editing';
  const ended = op !== undefined && isFinal(op);
  const retry = ended && op.state !== 'succeeded';

  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface} data-testid={props.testId}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <fieldset className={styles.fields} disabled={!editing} data-testid="action-fields">
              {props.children}
            </fieldset>
            {action.submitError && (
              <ErrorDetails error={action.submitError} title={t('lunActions.refused')} />
            )}
            {action.phase === 'submitting' && <Spinner size="small" label={t('lunActions.submitting')} />}
            {action.operationId && (
              <OperationInPlace operationId={action.operationId} subsystemName={props.subsystemName} />
            )}
          </DialogContent>
          <DialogActions>
            {retry && (
              <Button onClick={again} data-testid="action-again">
                {t('lunActions.again')}
              </Button>
            )}
            {action.phase === 'submitted' ? (
              <Button appearance={ended ? 'primary' : 'secondary'} onClick={close} data-testid="action-close">
                {t('lunActions.close')}
              </Button>
            ) : (
              <>
                <Button onClick={close} disabled={!editing} data-testid="action-dismiss">
                  {t('lunActions.dismiss')}
                </Button>
                <Button
                  appearance="primary"
                  onClick={props.onPrimary}
                  disabledFocusable={!editing || props.primaryBlocked === true}
                  data-testid="action-submit"
                >
                  {props.primaryLabel}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
