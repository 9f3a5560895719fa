-- Issue 13: a company-level role for company-wide settings (price list, repair categories and their
-- targets, complaint categories, the knowledge base's approved answers), which community staff may
-- no longer change.
ALTER TABLE staff_role DROP CONSTRAINT staff_role_role_check;
ALTER TABLE staff_role ADD CONSTRAINT staff_role_role_check CHECK (role IN
  ('CUSTOMER_SERVICE','CASHIER','TECHNICIAN','SECURITY','SUPERVISOR','MANAGER','ADMIN','COMPANY_MANAGER'));
