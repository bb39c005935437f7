// Money helpers. Amounts are in cents so that sums do not drift.

export type Category = 'book' | 'food' | 'other';

export interface OrderLine {
  readonly sku: string;
  readonly category: Category;
  /** Price of one unit in the order's currency (not cents: the invoice predates this file). */
  readonly unitPrice: number;
  readonly quantity: number;
}

export interface Order {
  readonly id: string;
  readonly currency: 'EUR' | 'USD';
  readonly lines: readonly OrderLine[];
}

export const toCents = (amount: number): number => Math.round(amount * 100);

export const fromCents = (cents: number): number => cents / 100;

export function formatMoney(cents: number, currency: Order['currency']): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(fromCents(cents));
}
