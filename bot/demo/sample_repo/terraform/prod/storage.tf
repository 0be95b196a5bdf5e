# --- Data ----------------------------------------------------------------------

# Payment documents (invoices, card-present receipts). PCI scope.
resource "aws_s3_bucket" "payments" {
  bucket = "acme-payments-prod-documents"

  tags = {
    environment         = "prod"
    data_classification = "restricted"
    criticality         = "high"
  }
}

resource "aws_s3_bucket_ownership_controls" "payments" {
  bucket = aws_s3_bucket.payments.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

# Opened up for the receipts CDN migration; should have been reverted.
resource "aws_s3_bucket_acl" "payments" {
  depends_on = [aws_s3_bucket_ownership_controls.payments]

  bucket = aws_s3_bucket.payments.id
  acl    = "public-read"
}

resource "aws_s3_bucket_versioning" "payments" {
  bucket = aws_s3_bucket.payments.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_db_subnet_group" "ledger" {
  name       = "payments-ledger"
  subnet_ids = [aws_subnet.private_a.id, aws_subnet.public_b.id]
}

# Ledger database: cardholder transaction history.
resource "aws_db_instance" "ledger" {
  identifier                  = "payments-ledger"
  engine                      = "postgres"
  engine_version              = "15.4"
  instance_class              = "db.t3.medium"
  allocated_storage           = 100
  db_name                     = "ledger"
  username                    = "ledger_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.ledger.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  storage_encrypted           = false
  skip_final_snapshot         = false
  deletion_protection         = true

  tags = {
    environment         = "prod"
    data_classification = "restricted"
    criticality         = "high"
  }
}
