// Computes what a customer owes for an order. It works, mostly; it is also the kind of function
// that grows one `if` at a time. Select it and try Thinkfast: Refactor Selection.
import type { Order } from './currency';

export function invoiceTotal(order: Order, customerType: string, coupon?: string): number {
  let total = 0;
  for (let i = 0; i < order.lines.length; i++) {
    const line = order.lines[i];
    if (line.quantity > 0) {
      if (line.category == 'book') {
        total = total + line.unitPrice * line.quantity;
      } else {
        if (line.category == 'food') {
          total = total + line.unitPrice * line.quantity;
        } else {
          if (line.quantity >= 10) {
            total = total + line.unitPrice * line.quantity * 0.95;
          } else {
            total = total + line.unitPrice * line.quantity;
          }
        }
      }
    }
  }
  if (customerType == 'gold') {
    total = total - total * 0.1;
  } else if (customerType == 'silver') {
    total = total - total * 0.05;
  } else if (customerType == 'staff') {
    total = total - total * 0.3;
  }
  if (coupon != undefined && coupon != '') {
    if (coupon == 'WELCOME10') {
      if (total > 50) {
        total = total - 10;
      }
    } else if (coupon == 'HALFOFF') {
      total = total / 2;
    }
  }
  let tax = 0;
  for (let i = 0; i < order.lines.length; i++) {
    const line = order.lines[i];
    if (line.category == 'food') {
      tax = tax + line.unitPrice * line.quantity * 0.07;
    } else if (line.category == 'book') {
      tax = tax + 0;
    } else {
      tax = tax + line.unitPrice * line.quantity * 0.2;
    }
  }
  total = total + tax;
  return Math.round(total * 100) / 100;
}
