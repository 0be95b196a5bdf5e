# platform cluster -- owned by SRE
resource "aws_eks_cluster" "platform" {
  name = "platform"   # DNS depends on it
  role_arn = aws_iam_role.eks.arn
  version  = "1.29"
  enabled_cluster_log_types = ["api"]  # audit later

  vpc_config {
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_public_access  = true   // kubectl from laptops
  }
}
