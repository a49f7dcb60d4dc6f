import * as Dialog from '@radix-ui/react-dialog';
import { useRef, useState, type ReactNode, type Ref, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../../react/use-isomorphic-layout-effect';
import { rootSlot, type SlotProps } from '../class-names';
import { Icon } from './icons';

/** How a dialog opens, closes and gives focus back: the props both dialogs share. */
export interface ModalProps {
  /** Controlled open state. */
  open?: boolean;
  /** Initial open state when uncontrolled. @default false */
  defaultOpen?: boolean;
  /** Called when the dialog opens or closes. */
  onOpenChange?: (open: boolean) => void;
  /** A button that opens the dialog (rendered as the Radix trigger). */
  trigger?: ReactNode;
  /** Where focus goes on close. @default the trigger, or what had focus when the dialog opened */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** Element the dialog is portalled into. @default document.body */
  container?: HTMLElement | null;
}

/** What a dialog passes to {@link Modal} besides the host's {@link ModalProps}. */
export interface ModalFrameProps {
  name: string;
  className?: string;
  overlayClassName?: string;
  /** The accessible name of the ✕ in the dialog's top corner (last in tab order, after the dialog's own buttons). */
  dismissLabel: string;
  /** Where focus goes when it opens. @default the first focusable element (Radix) */
  initialFocusRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/**
 * A modal Radix dialog as the components use it: focus is trapped, Escape
 * closes, and on close focus goes to `returnFocusRef`, else to the trigger
 * (Radix's own default), else back to what had focus when it opened (a
 * controlled dialog has no trigger to return to). Parts: the overlay
 * (`<name>-overlay`), the content (`<name>`), which never grows past the
 * viewport (its body scrolls between a fixed header and footer), and a ✕
 * (`<name>-dismiss`) in its top corner.
 */
export function Modal({
  open,
  defaultOpen,
  onOpenChange,
  trigger,
  returnFocusRef,
  container,
  name,
  className,
  overlayClassName,
  children,
  dismissLabel,
  initialFocusRef,
}: ModalProps & ModalFrameProps) {
  // What had focus when the dialog opened, captured before Radix moves focus into it.
  const openerRef = useRef<HTMLElement | null>(null);
  const rememberOpener = () => {
    if (document.activeElement instanceof HTMLElement) openerRef.current = document.activeElement;
  };
  useIsomorphicLayoutEffect(() => {
    if (open) rememberOpener();
  }, [open]);
  // The dialog is portalled out of the host's themed wrapper: it takes that wrapper's theme along.
  const anchorRef = useRef<HTMLSpanElement>(null);
  const [theme, setTheme] = useState<string | undefined>(undefined);
  useIsomorphicLayoutEffect(() => setTheme(themeAround(anchorRef.current)), [open]);

  return (
    <Dialog.Root
      {...(open === undefined ? {} : { open })}
      defaultOpen={defaultOpen}
      onOpenChange={(next) => {
        if (next) rememberOpener();
        onOpenChange?.(next);
      }}
    >
      <span ref={anchorRef} hidden />
      {trigger !== undefined && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        <Dialog.Overlay {...rootSlot(`${name}-overlay`, overlayClassName)} data-theme={theme} />
        <Dialog.Content
          {...rootSlot(name, className)}
          data-theme={theme}
          onOpenAutoFocus={(event) => {
            if (!initialFocusRef?.current) return;
            event.preventDefault();
            initialFocusRef.current.focus();
          }}
          onCloseAutoFocus={(event) => {
            const target = returnFocusRef?.current ?? (trigger === undefined ? openerRef.current : null);
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          {children}
          <Dialog.Close data-slot={`${name}-dismiss`} aria-label={dismissLabel} title={dismissLabel}>
            <Icon name="close" />
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The theme selectors of tokens.css, nearest first: what a portalled dialog must carry to look like the page it opened from. */
const THEMED = '[data-theme], .dark, .dark-theme, .light, .light-theme';

/** The `data-theme` for a dialog opened from `element`: that of its nearest themed ancestor, if any. */
function themeAround(element: Element | null): string | undefined {
  const themed = element?.parentElement?.closest(THEMED);
  if (!themed) return undefined;
  const attribute = themed.getAttribute('data-theme');
  if (attribute) return attribute;
  return themed.classList.contains('dark') || themed.classList.contains('dark-theme') ? 'dark' : 'light';
}

/** A button that closes the dialog it is in. */
export function CloseButton({
  slot,
  buttonRef,
  variant,
  children,
}: {
  slot: SlotProps;
  buttonRef?: Ref<HTMLButtonElement>;
  variant?: 'primary';
  children: ReactNode;
}) {
  return (
    <Dialog.Close asChild>
      <button type="button" ref={buttonRef} {...slot} data-variant={variant}>
        {children}
      </button>
    </Dialog.Close>
  );
}
