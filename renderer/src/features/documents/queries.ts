import type { Input } from '../../../../shared/contract';
import { mutationHook, useChannelQuery } from '../../data/queries';

/** Always asked afresh: the document reflects the class, its learners and the centre as they are now. */
export const useDocumentPreview = (request: Input<'documents.preview'>) => useChannelQuery('documents.preview', request, { staleTime: 0 });
// Saving or printing a document changes nothing the app shows.
export const useDocumentPdf = mutationHook('documents.pdf');
export const useDocumentDocx = mutationHook('documents.docx');
export const useDocumentXlsx = mutationHook('documents.xlsx');
export const usePrintDocument = mutationHook('documents.print');
