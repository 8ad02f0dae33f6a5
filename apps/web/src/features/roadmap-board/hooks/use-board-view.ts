import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  type BoardView,
  boardViewFromSearchParams,
  boardViewToSearchParams,
} from '../utils/board-filters';

/** The board's grouping and filters, read from and written to the URL (replacing history). */
export function useBoardView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => boardViewFromSearchParams(params), [params]);
  const setView = useCallback(
    (update: (view: BoardView) => BoardView) =>
      setParams((prev) => boardViewToSearchParams(update(boardViewFromSearchParams(prev)), prev), {
        replace: true,
      }),
    [setParams],
  );
  return { view, setView, search: params.toString() };
}
