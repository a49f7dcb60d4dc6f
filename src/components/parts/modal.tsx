import * as Dialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode, type Ref, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../../react/use-isomorphic-layout-effect';
import { rootSlot, type SlotProps } from '../class-names';

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

/**
 * A modal Radix dialog as the components use it: focus is trapped, Escape
 * closes, and on close focus goes to `returnFocusRef`, else to the trigger
 * (Radix's own default), else back to what had focus when it opened (a
 * controlled dialog has no trigger to return to). Parts: the overlay
 * (`<name>-overlay`) and the content (`<name>`).
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
}: ModalProps & { name: string; className?: string; overlayClassName?: string; children: ReactNode }) {
  // What had focus when the dialog opened, captured before Radix moves focus into it.
  const openerRef = useRef<HTMLElement | null>(null);
  const rememberOpener = () => {
    if (document.activeElement instanceof HTMLElement) openerRef.current = document.activeElement;
  };
  useIsomorphicLayoutEffect(() => {
    if (open) rememberOpener();
  }, [open]);

  return (
    <Dialog.Root
      {...(open === undefined ? {} : { open })}
      defaultOpen={defaultOpen}
      onOpenChange={(next) => {
        if (next) rememberOpener();
        onOpenChange?.(next);
      }}
    >
      {trigger !== undefined && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        <Dialog.Overlay {...rootSlot(`${name}-overlay`, overlayClassName)} />
        <Dialog.Content
          {...rootSlot(name, className)}
          onCloseAutoFocus={(event) => {
            const target = returnFocusRef?.current ?? (trigger === undefined ? openerRef.current : null);
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** A button that closes the dialog it is in. */
export function CloseButton({ slot, buttonRef, children }: { slot: SlotProps; buttonRef?: Ref<HTMLButtonElement>; children: ReactNode }) {
  return (
    <Dialog.Close asChild>
      <button type="button" ref={buttonRef} {...slot}>
        {children}
      </button>
    </Dialog.Close>
  );
}
