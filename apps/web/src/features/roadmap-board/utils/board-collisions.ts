import { type CollisionDetection, closestCorners, pointerWithin } from '@dnd-kit/core';

/**
 * Where a dragged card is over. With a pointer: the card under the pointer, or else the column
 * under it (so the empty end of a tall column is a target). With the keyboard (no pointer): the
 * closest corners, which `sortableKeyboardCoordinates` also uses.
 */
export const boardCollisions: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  if (underPointer.length > 0) {
    const card = underPointer.find((c) => !String(c.id).startsWith('column:'));
    return card ? [card] : underPointer;
  }
  return closestCorners(args);
};
