import { isNoteStatus, type NoteStatus } from '@plume/protocol';

/** How far, in CSS pixels, a pointer moves before a press becomes a drag: shorter is a tap. */
const DRAG_THRESHOLD = 6;
/** Distance from the board's side at which a drag scrolls it, and by how much per move. */
const EDGE_ZONE = 48;
const EDGE_STEP = 16;

type Press = {
  pointerId: number;
  card: HTMLElement;
  noteId: string;
  from: NoteStatus;
  startX: number;
  startY: number;
  dragging: boolean;
  target: HTMLElement | null;
};

/**
 * Lets the person drag the board's movable cards (`.board-card.movable` inside
 * `.board-column[data-status]`) from one column to another with Pointer Events. A mouse drags a
 * card from anywhere on it; touch and pens drag by its grip, so that swiping still scrolls the
 * board. A press that moves less than a few pixels stays a tap or a click, and opens the note.
 * The column under the pointer is highlighted; Escape cancels. Works on whatever cards `container`
 * holds when the press starts, so the board may be redrawn between drags; `onDragChange` tells
 * the caller not to redraw during one. Returns a function that stops.
 */
export function enableBoardDrag(
  container: HTMLElement,
  deps: {
    onDrop: (noteId: string, status: NoteStatus) => void;
    onDragChange: (dragging: boolean) => void;
  },
): () => void {
  const { onDrop, onDragChange } = deps;
  let press: Press | null = null;
  let swallowClick = false;

  const columnAt = (x: number, y: number): HTMLElement | null =>
    document.elementFromPoint(x, y)?.closest<HTMLElement>('.board-column[data-status]') ?? null;

  function highlight(column: HTMLElement | null): void {
    if (!press || column === press.target) return;
    press.target?.classList.remove('drop-target');
    press.target = column;
    if (column && column.dataset.status !== press.from) column.classList.add('drop-target');
  }

  function finish(drop: boolean): void {
    const done = press;
    press = null;
    if (!done) return;
    if (container.hasPointerCapture(done.pointerId)) container.releasePointerCapture(done.pointerId);
    if (!done.dragging) return;
    done.card.classList.remove('dragging');
    done.card.style.removeProperty('transform');
    container.classList.remove('board-dragging');
    done.target?.classList.remove('drop-target');
    // The press ends with a click on the card's link, which must not open the note.
    swallowClick = true;
    setTimeout(() => {
      swallowClick = false;
    }, 0);
    onDragChange(false);
    const status = done.target?.dataset.status;
    if (drop && isNoteStatus(status) && status !== done.from) onDrop(done.noteId, status);
  }

  const onPointerDown = (event: PointerEvent) => {
    if (press || !event.isPrimary || event.button !== 0) return;
    const target = event.target as Element;
    const card = target.closest<HTMLElement>('.board-card.movable');
    const column = card?.closest<HTMLElement>('.board-column');
    const from = column?.dataset.status;
    if (!card?.dataset.noteId || !isNoteStatus(from)) return;
    if (target.closest('select, button, input')) return;
    if (event.pointerType !== 'mouse' && !target.closest('.drag-handle')) return;
    press = {
      pointerId: event.pointerId,
      card,
      noteId: card.dataset.noteId,
      from,
      startX: event.clientX,
      startY: event.clientY,
      dragging: false,
      target: null,
    };
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!press || event.pointerId !== press.pointerId) return;
    const dx = event.clientX - press.startX;
    const dy = event.clientY - press.startY;
    if (!press.dragging) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      // A live update may have redrawn the board since the press: follow the card's new element.
      const current = container.querySelector<HTMLElement>(`.board-card[data-note-id="${CSS.escape(press.noteId)}"]`);
      if (!current) {
        press = null;
        return;
      }
      press.card = current;
      press.dragging = true;
      // Captured by the board, not the card: the card stops taking hits while it follows the
      // pointer, so that the column beneath it can be found.
      container.setPointerCapture(press.pointerId);
      press.card.classList.add('dragging');
      container.classList.add('board-dragging');
      onDragChange(true);
    }
    event.preventDefault();
    press.card.style.transform = `translate(${dx}px, ${dy}px)`;
    highlight(columnAt(event.clientX, event.clientY));
    scrollNearEdge(press.card.closest<HTMLElement>('.board'), event.clientX);
  };

  const onPointerUp = (event: PointerEvent) => {
    if (press && event.pointerId === press.pointerId) finish(true);
  };
  const onPointerCancel = (event: PointerEvent) => {
    if (press && event.pointerId === press.pointerId) finish(false);
  };
  // Touch presses start captured by the grip; only the board losing its own capture ends a drag.
  const onLostCapture = (event: PointerEvent) => {
    if (event.target === container) onPointerCancel(event);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && press?.dragging) {
      event.preventDefault();
      finish(false);
    }
  };
  const onClick = (event: MouseEvent) => {
    if (!swallowClick) return;
    event.preventDefault();
    event.stopPropagation();
  };
  // Links and text would otherwise start the browser's own drag and drop, which cancels ours.
  const onDragStart = (event: DragEvent) => {
    if ((event.target as Element | null)?.closest?.('.board-card')) event.preventDefault();
  };

  // One signal removes every listener at dispose.
  const listening = new AbortController();
  const { signal } = listening;
  container.addEventListener('pointerdown', onPointerDown, { signal });
  container.addEventListener('pointermove', onPointerMove, { signal });
  container.addEventListener('pointerup', onPointerUp, { signal });
  container.addEventListener('pointercancel', onPointerCancel, { signal });
  container.addEventListener('lostpointercapture', onLostCapture, { signal });
  container.addEventListener('dragstart', onDragStart, { signal });
  container.addEventListener('click', onClick, { signal, capture: true });
  window.addEventListener('keydown', onKeyDown, { signal });
  return () => {
    finish(false);
    listening.abort();
  };
}

function scrollNearEdge(board: HTMLElement | null, x: number): void {
  if (!board || board.scrollWidth <= board.clientWidth) return;
  const { left, right } = board.getBoundingClientRect();
  if (x < left + EDGE_ZONE) board.scrollLeft -= EDGE_STEP;
  else if (x > right - EDGE_ZONE) board.scrollLeft += EDGE_STEP;
}
