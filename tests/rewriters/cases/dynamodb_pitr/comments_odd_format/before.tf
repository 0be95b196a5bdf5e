resource "aws_dynamodb_table" "orders" {
  name = "orders"  # single-table design
  billing_mode   = "PAY_PER_REQUEST"
  hash_key       = "pk"
  range_key      = "sk"
  attribute {
      name = "pk"
      type = "S"
  }
  attribute {
      name = "sk"
      type = "S"
  }
  point_in_time_recovery {
      enabled = false   // costs
  }
}
